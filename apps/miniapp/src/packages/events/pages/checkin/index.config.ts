export default definePageConfig({
  navigationBarTitleText: '签到核验',
});
