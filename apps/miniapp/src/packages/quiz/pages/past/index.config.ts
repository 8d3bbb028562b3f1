export default definePageConfig({
  navigationBarTitleText: '往期活动',
  enablePullDownRefresh: true,
});
