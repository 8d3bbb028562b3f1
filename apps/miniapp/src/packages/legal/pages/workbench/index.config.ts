export default definePageConfig({
  navigationBarTitleText: '解答工作台',
  enablePullDownRefresh: true,
});
