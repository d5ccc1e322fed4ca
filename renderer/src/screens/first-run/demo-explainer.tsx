/** What "Try with demo data" makes, so nobody is surprised by a merchant and a folder they did not create. */
export function DemoExplainer() {
  return (
    <div className="first-run__explainer">
      <p>
        <strong>Try with demo data</strong> sets up a working loop on this computer, with no accounts:
      </p>
      <ul>
        <li>a merchant called <em>Demo Merchant</em>;</li>
        <li>the built-in <em>Demo store</em>, which invents a few realistic orders on every download;</li>
        <li>a warehouse folder on this computer (in Dockhand's data folder) that plays the warehouse;</li>
        <li>schedules for every service, with the demo ship methods mapped.</li>
      </ul>
      <p className="muted">
        Orders then arrive, go to the warehouse folder, ship and get confirmed by themselves within a minute or two. You can delete
        the Demo Merchant later and set up your own.
      </p>
    </div>
  );
}
