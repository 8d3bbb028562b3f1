export default definePageConfig({
  navigationBarTitleText: '服务站',
  enablePullDownRefresh: true,
});
