export default definePageConfig({
  navigationBarTitleText: '领取关爱',
});
