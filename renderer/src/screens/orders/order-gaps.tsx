import { Banner } from '../../components/states.js';

/**
 * What the cart could not give about the order (CanonicalOrder.gaps), as a warning above the details:
 * the order still went to the warehouse, so the person must see what it went without (e.g. Amazon
 * withholding the buyer's street from an app without the Restricted Data role).
 */
export function OrderGaps({ gaps }: { gaps: string[] | undefined }) {
  if (!gaps || gaps.length === 0) return null;
  return (
    <Banner kind="warning">
      <strong>The cart did not give everything about this order.</strong>
      {gaps.length === 1 ? (
        <p>{gaps[0]}</p>
      ) : (
        <ul>
          {gaps.map((gap) => (
            <li key={gap}>{gap}</li>
          ))}
        </ul>
      )}
    </Banner>
  );
}
