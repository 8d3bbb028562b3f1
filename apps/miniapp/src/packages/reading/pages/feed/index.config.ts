export default definePageConfig({
  navigationBarTitleText: '书友圈',
  enablePullDownRefresh: true,
});
