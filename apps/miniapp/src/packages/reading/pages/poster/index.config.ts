export default definePageConfig({
  navigationBarTitleText: '我的阅读海报',
});
