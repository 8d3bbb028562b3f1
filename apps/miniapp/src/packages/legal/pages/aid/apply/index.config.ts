export default definePageConfig({
  navigationBarTitleText: '申请援助或调解',
});
