export default definePageConfig({
  navigationBarTitleText: '暖新关爱',
  enablePullDownRefresh: true,
});
