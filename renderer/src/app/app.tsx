import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useApi, useLiveRefresh } from '../api/hooks.js';
import { useDocumentTitle } from '../components/document-title.js';
import { ErrorState, Loading } from '../components/states.js';
import { Toaster } from '../components/toaster.js';
import { FirstRunScreen } from '../screens/first-run/first-run-screen.js';
import { Layout } from './layout.js';
import { useRoute } from './router.js';
import { ScreenFor } from './routes.js';

const queryClient = new QueryClient({
  defaultOptions: {
    // The engine pushes events when something changes; polling is only the fallback.
    queries: { staleTime: 2_000, retry: 1, refetchOnWindowFocus: true },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Toaster>
        <Shell />
      </Toaster>
    </QueryClientProvider>
  );
}

function Shell() {
  useLiveRefresh();
  const route = useRoute();
  const account = useApi('account.get', {});
  if (account.isPending) return <Loading what="Starting Dockhand" />;
  if (account.isError) return <ErrorState error={account.error} onRetry={() => void account.refetch()} />;
  if (!account.data.configured) return <FirstRun />;
  return (
    <Layout route={route} singleMerchant={account.data.mode === 'single_merchant'}>
      <ScreenFor route={route} account={account.data} />
    </Layout>
  );
}

function FirstRun() {
  useDocumentTitle('Get started');
  return <FirstRunScreen />;
}
