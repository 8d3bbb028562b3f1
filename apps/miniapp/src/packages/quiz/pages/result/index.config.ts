export default definePageConfig({
  navigationBarTitleText: '答题结果',
});
