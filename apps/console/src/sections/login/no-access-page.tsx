import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { logout } from '../../services/auth';
import { useSession } from '../../session/session-context';

/** A worker signed in: the console is for union staff, lawyers and admins. */
export function NoAccessPage() {
  const { session } = useSession();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="没有管理权限"
      subTitle={`${session?.user.realName ?? '当前用户'}不是工会工作人员，无法使用管理后台。如需开通，请联系区总工会管理员。`}
      extra={
        <Button type="primary" onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>
          换个账号登录
        </Button>
      }
    />
  );
}
