export default definePageConfig({
  navigationBarTitleText: '京彩职工',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});
