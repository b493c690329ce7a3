import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { fetchCurrentUser, logout as logoutRequest } from '../api/auth.ts';
import { isApiError, onSessionEnded } from '../api/client.ts';
import type { CurrentUser } from '../api/types.ts';

/** `signedOut`: anonymous because the user pressed 退出登录 (so no return address is kept). */
export type SessionStatus = 'loading' | 'anonymous' | 'signedOut' | 'authenticated';

interface AuthValue {
  status: SessionStatus;
  user: CurrentUser | null;
  /** Called by the login page with the user the server answered. */
  signIn: (user: CurrentUser) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** The path to return to after logging in, carried in `/login?redirect=`. */
export function loginPathFor(pathname: string, search = ''): string {
  const target = `${pathname}${search}`;
  return target === '/' || pathname === '/login' ? '/login' : `/login?redirect=${encodeURIComponent(target)}`;
}

/** Only same-site paths are followed after login or registration, never another origin. */
export function safeRedirect(target: string | null): string {
  return target && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

/** Asks the server who is logged in, and sends the user to /login when the session ends. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');
  const navigate = useNavigate();

  useEffect(() => {
    let isCurrent = true;
    fetchCurrentUser()
      .then(({ user: current }) => {
        if (!isCurrent) return;
        setUser(current);
        setStatus('authenticated');
      })
      .catch((error: unknown) => {
        if (!isCurrent) return;
        // 401 is the ordinary "not logged in"; anything else also leaves us logged out.
        if (!isApiError(error) || error.status !== 401) console.warn('Session check failed', error);
        setStatus('anonymous');
      });
    return () => {
      isCurrent = false;
    };
  }, []);

  useEffect(() => {
    onSessionEnded(() => {
      setUser(null);
      setStatus('anonymous');
      const { pathname, search } = window.location;
      if (pathname !== '/login') navigate(loginPathFor(pathname, search), { replace: true });
    });
  }, [navigate]);

  const signIn = useCallback((next: CurrentUser) => {
    setUser(next);
    setStatus('authenticated');
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logoutRequest();
    } finally {
      setUser(null);
      setStatus('signedOut');
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const value = useMemo<AuthValue>(() => ({ status, user, signIn, signOut }), [status, user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() needs an <AuthProvider> above it');
  return value;
}

/** The logged-in user, for pages that are only rendered behind the login guard. */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser() used outside the login guard');
  return user;
}
