export default definePageConfig({
  navigationBarTitleText: '职工读书季',
  enablePullDownRefresh: true,
});
