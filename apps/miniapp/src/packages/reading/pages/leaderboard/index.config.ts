export default definePageConfig({
  navigationBarTitleText: '读书季排行榜',
  enablePullDownRefresh: true,
});
