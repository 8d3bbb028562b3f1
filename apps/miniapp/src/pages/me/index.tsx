import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Avatar, Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { MembershipStatus, WORKER_CATEGORY_LABELS, type MeView } from '@jingcai/shared';
import CareModeSwitch from '../../components/care-mode-switch';
import StatusView from '../../components/status-view';
import { useMe } from '../../hooks/use-me';
import { useUnreadCount } from '../../hooks/use-unread-count';
import { ROUTES } from '../../routes';
import { logout } from '../../services/auth';
import { pageClass } from '../../hooks/use-care-mode';
import './index.css';

function membershipLabel(me: MeView): string {
  if (me.membership === MembershipStatus.Member) return me.memberNo ? `工会会员（${me.memberNo}）` : '工会会员';
  return '未入会';
}

export default function MePage() {
  const { me, status, reload } = useMe();
  const unread = useUnreadCount();
  const [leaving, setLeaving] = useState(false);

  const signOut = async () => {
    setLeaving(true);
    try {
      await logout();
    } catch {
      // The local session is gone either way; the toast has said why the API call failed.
    }
    await Taro.reLaunch({ url: ROUTES.login });
  };

  if (!me) {
    return (
      <View className={pageClass('page')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={() => void reload()} />
      </View>
    );
  }

  const name = me.realName ?? me.nickname ?? '未填写姓名';

  return (
    <View className={pageClass('page me')}>
      <View className='card me__header'>
        <Avatar size='large' background='#c8102e' color='#ffffff'>
          {name.charAt(0)}
        </Avatar>
        <View className='me__identity'>
          <Text className='me__name'>{name}</Text>
          <Text className='muted'>{me.phone ?? '手机号未绑定'}</Text>
        </View>
      </View>

      <CellGroup>
        <Cell title='所属工会' extra={me.org?.name ?? '未选择'} />
        {me.requestedOrg && <Cell title='组织变更' extra={`待审核：${me.requestedOrg.name}`} />}
        <Cell title='职工类别' extra={me.category ? WORKER_CATEGORY_LABELS[me.category] : '未选择'} />
        <Cell title='会员状态' extra={membershipLabel(me)} />
      </CellGroup>

      <CellGroup>
        <Cell
          title='消息'
          extra={
            <View className='me__extra'>
              {unread > 0 && <Text className='me__badge'>{unread > 99 ? '99+' : unread}</Text>}
              <Text>›</Text>
            </View>
          }
          clickable
          onClick={() => void Taro.navigateTo({ url: ROUTES.notifications })}
        />
        {me.membership === MembershipStatus.Member ? (
          <Cell title='会员证' extra='›' clickable onClick={() => void Taro.navigateTo({ url: ROUTES.memberCard })} />
        ) : (
          <Cell title='加入工会' extra='›' clickable onClick={() => void Taro.navigateTo({ url: ROUTES.membershipApply })} />
        )}
      </CellGroup>

      <CellGroup>
        <Cell title='我的答题' description='答题记录与证书' extra='›' clickable onClick={() => void Taro.navigateTo({ url: ROUTES.quizMine })} />
        <Cell title='我的读书笔记' extra='›' clickable onClick={() => void Taro.navigateTo({ url: ROUTES.readingNotes })} />
      </CellGroup>

      {me.roles.some((role) => role === 'staff' || role === 'lawyer' || role === 'admin') && (
        <CellGroup>
          <Cell
            title='登录管理后台'
            description='获取一次性登录码，在电脑上登录'
            extra='›'
            clickable
            onClick={() => void Taro.navigateTo({ url: ROUTES.consoleCode })}
          />
        </CellGroup>
      )}

      <CellGroup>
        <CareModeSwitch />
        <Cell title='编辑资料' extra='›' clickable onClick={() => void Taro.navigateTo({ url: ROUTES.profile })} />
        <Cell title='隐私政策' extra='›' clickable onClick={() => void Taro.navigateTo({ url: ROUTES.consent })} />
        <Cell
          title='个人信息'
          description='查看、导出我的数据，撤回同意，注销账号'
          extra='›'
          clickable
          onClick={() => void Taro.navigateTo({ url: ROUTES.personalData })}
        />
        <Cell title='投诉建议' extra='›' clickable onClick={() => void Taro.navigateTo({ url: ROUTES.feedback })} />
      </CellGroup>

      <Button block fill='outline' loading={leaving} disabled={leaving} onClick={() => void signOut()}>
        退出登录
      </Button>
    </View>
  );
}
