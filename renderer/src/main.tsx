import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App.tsx';
import { LanguageProvider } from './i18n/LanguageProvider.tsx';
import { reportUncaughtErrors } from './app/reportUncaughtErrors.ts';
import { applyTheme } from './app/theme.ts';
import './styles/app.css';

reportUncaughtErrors();
applyTheme();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // History does not change behind our back; refetching would reload every stored page in turn.
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <App />
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
