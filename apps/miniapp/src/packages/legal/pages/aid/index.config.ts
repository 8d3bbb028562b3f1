export default definePageConfig({
  navigationBarTitleText: '法律援助与调解',
  enablePullDownRefresh: true,
});
