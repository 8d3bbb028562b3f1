import ComingSoon from '../../../../components/coming-soon';

export default function LegalIndexPage() {
  return <ComingSoon feature='legal' />;
}
