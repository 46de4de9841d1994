import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiProblem } from '../api/problem';
import { SESSION_KEY, SessionProvider } from '../api/session';
import { router } from './router';

const theme = createTheme({
  primaryColor: 'forge',
  colors: {
    // A dark blue with AA contrast for white text on filled buttons (index 7 and up for text on white).
    forge: [
      '#e8f1fb',
      '#cfe0f3',
      '#9fc0e6',
      '#6c9ed9',
      '#4482cd',
      '#2b70c6',
      '#1c5fae',
      '#14508f',
      '#0d4176',
      '#05325d',
    ],
  },
  primaryShade: 7,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
  respectReducedMotion: true,
});

const COLORS = [
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'cyan',
  'blue',
  'indigo',
  'violet',
  'grape',
  'pink',
  'gray',
  'forge',
];

/**
 * Text dark enough for WCAG AA contrast (4.5:1): dimmed text (descriptions, placeholders), errors, and the
 * text of light, subtle and outline variants (Mantine draws them in shade 6, too pale on white).
 */
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#545c64',
    '--mantine-color-placeholder': '#5f676f',
    '--mantine-color-error': '#c92a2a',
    ...Object.fromEntries(
      COLORS.flatMap((color) => [
        [
          `--mantine-color-${color}-light-color`,
          `color-mix(in srgb, var(--mantine-color-${color}-9) 72%, black)`,
        ],
        [`--mantine-color-${color}-outline`, `var(--mantine-color-${color}-9)`],
        [`--mantine-color-${color}-text`, `var(--mantine-color-${color}-9)`],
      ]),
    ),
  },
  dark: {},
});

/** A 401 on any call after sign-in means the session ended (expired, signed out elsewhere, account disabled). */
function onUnauthenticated(error: unknown, client: QueryClient): void {
  if (error instanceof ApiProblem && error.status === 401) {
    if (client.getQueryData(SESSION_KEY)) client.setQueryData(SESSION_KEY, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => onUnauthenticated(error, queryClient) }),
  mutationCache: new MutationCache({}),
  defaultOptions: {
    queries: {
      retry: (count, error) =>
        !(error instanceof ApiProblem && error.status > 0 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={resolver}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
