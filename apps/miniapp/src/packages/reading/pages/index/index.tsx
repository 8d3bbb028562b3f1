import ComingSoon from '../../../../components/coming-soon';

export default function ReadingIndexPage() {
  return <ComingSoon feature='reading' />;
}
