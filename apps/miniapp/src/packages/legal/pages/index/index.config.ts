export default definePageConfig({
  navigationBarTitleText: '法律维权',
});
