export default definePageConfig({
  navigationBarTitleText: '心愿墙',
  enablePullDownRefresh: true,
});
