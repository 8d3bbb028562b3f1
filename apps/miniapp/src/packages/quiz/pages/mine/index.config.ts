export default definePageConfig({
  navigationBarTitleText: '我的答题',
  enablePullDownRefresh: true,
});
