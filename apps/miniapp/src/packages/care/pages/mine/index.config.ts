export default definePageConfig({
  navigationBarTitleText: '我的领取',
  enablePullDownRefresh: true,
});
