export default definePageConfig({
  navigationBarTitleText: '帮扶申请进度',
  enablePullDownRefresh: true,
});
