export default definePageConfig({
  navigationBarTitleText: '我的读书笔记',
  enablePullDownRefresh: true,
});
