import Link from "next/link";
import { LocaleSwitch } from "./locale-switch";
import { LogoutButton } from "@/components/auth/logout-button";
import { switchLocale } from "@/app/_actions/locale";

export interface NavItem {
  href: string;
  label: string;
}

/** The bar on every page: product, portal, navigation, language, and who is signed in. */
export function AppHeader({ appName, portalLabel, nav, userLabel, navLabel, accountLabel }: {
  appName: string;
  portalLabel?: string;
  nav: NavItem[];
  userLabel?: string;
  navLabel: string;
  accountLabel?: string;
}) {
  return (
    <header className="bg-brand-700 text-white shadow">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-6 py-3">
        <div className="flex items-center gap-3">
          <Link href="/" className="text-lg font-semibold tracking-wide">{appName}</Link>
          {portalLabel ? <span className="rounded bg-white/15 px-2 py-0.5 text-sm">{portalLabel}</span> : null}
        </div>
        <div className="flex items-center gap-3">
          <LocaleSwitch action={switchLocale} />
          {userLabel ? (
            <>
              {accountLabel ? <Link href="/account" className="text-sm hover:underline">{userLabel}</Link> : <span className="text-sm">{userLabel}</span>}
              <LogoutButton />
            </>
          ) : null}
        </div>
      </div>
      {nav.length > 0 ? (
        <nav aria-label={navLabel} className="bg-brand-800">
          <ul className="mx-auto flex max-w-7xl gap-1 px-6">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block px-3 py-2 text-sm text-white/90 hover:bg-white/10 hover:text-white">{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
