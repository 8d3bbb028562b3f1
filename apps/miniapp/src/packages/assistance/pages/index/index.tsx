import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_STATUS_LABELS,
  UserTag,
  type AssistanceApplicationView,
} from '@jingcai/shared';
import LoadMore from '../../../../components/load-more';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { useMe } from '../../../../hooks/use-me';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { pageUrl, ROUTES, type Route } from '../../../../routes';
import { myAssistanceApplications } from '../../../../services/assistance';
import '../../components/assistance.css';
import { pageClass } from '../../../../hooks/use-care-mode';

const open = (url: string) => void Taro.navigateTo({ url });

interface Entry {
  title: string;
  hint: string;
  route: Route;
}

const WISH_ENTRIES: readonly Entry[] = [
  { title: '心愿墙', hint: '认领一个微心愿', route: ROUTES.assistanceWishes },
  { title: '我的心愿', hint: '认领的、许下的心愿', route: ROUTES.assistanceWishesMine },
];

/**
 * 困难帮扶: apply for help in hardship and follow my applications step by step; 微心愿: the wall, my wishes,
 * and writing one (offered to families on the register; the API decides).
 */
export default function AssistancePage() {
  const { me } = useMe();
  // Again on every show: back from an application or a correction, its steps may have moved.
  const list = usePagedList(myAssistanceApplications, (application) => application.id, {
    when: 'show',
    pullDownRefresh: true,
  });
  // Staff tag families on the register as 困难职工; the API refuses anyone else's wish all the same.
  const onRegister = me?.tags.includes(UserTag.HardshipFamily) ?? false;

  return (
    <View className={pageClass('page assistance')}>
      <View className='card assistance-card'>
        <Text className='assistance-card__title'>困难职工帮扶</Text>
        <Text className='muted'>生活困难、医疗救助、子女助学，工会核实走访后逐级审批发放。申请内容加密保存，仅审核人员可见。</Text>
        <Button block type='primary' onClick={() => open(ROUTES.assistanceApply)}>
          申请帮扶
        </Button>
      </View>

      <Text className='section-title'>微心愿</Text>
      <View className='assistance-entries'>
        {[...WISH_ENTRIES, ...(onRegister ? [{ title: '许个心愿', hint: '500 元以内的小心愿', route: ROUTES.assistanceWishNew }] : [])].map(
          (entry) => (
            <View key={entry.route} className='card assistance-entry' role='button' onClick={() => open(entry.route)}>
              <Text className='assistance-entry__title'>{entry.title}</Text>
              <Text className='muted'>{entry.hint}</Text>
            </View>
          ),
        )}
      </View>

      <Text className='section-title'>我的帮扶申请</Text>
      {list.status !== 'ready' ? (
        <StatusView status={list.status === 'error' ? 'error' : 'loading'} onRetry={list.retry} />
      ) : list.items.length === 0 ? (
        <StatusView status='empty' message='还没有帮扶申请' />
      ) : (
        <View className='assistance-list'>
          {list.items.map((application) => (
            <ApplicationRow key={application.id} application={application} />
          ))}
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={() => void list.loadMore()} endText='没有更多了' />
        </View>
      )}
    </View>
  );
}

function ApplicationRow({ application }: { application: AssistanceApplicationView }) {
  const kind = ASSISTANCE_KIND_LABELS[application.kind];
  const status = ASSISTANCE_STATUS_LABELS[application.status];
  return (
    <View
      className='card assistance-card assistance-row'
      role='button'
      onClick={() => open(pageUrl(ROUTES.assistanceApplication, { id: application.id }))}
    >
      <View className='assistance-card__heading'>
        <Text className='assistance-card__title'>{kind}</Text>
        <Text className={`assistance-status assistance-status--${application.status}`}>{status}</Text>
      </View>
      <Text className='muted'>提交于 {formatShanghaiDateTime(application.createdAt)}</Text>
      {application.status === 'returned' && <Text className='field-error'>已退回，请查看原因并修改</Text>}
    </View>
  );
}
