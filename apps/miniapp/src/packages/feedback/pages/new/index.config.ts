export default definePageConfig({
  navigationBarTitleText: '我要投诉建议',
});
