import Link from "next/link";
import { IssueTokenPanel } from "@/components/api-tokens/issue-token-panel";
import { OperationForm } from "@/components/operations/operation-form";
import { Card, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { ROLE_PERMISSIONS, type Permission } from "@/lib/policy/permissions";
import { listApiTokens } from "@/lib/server/api-tokens/tokens";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { listOrganizations } from "@/lib/server/organizations/organizations";

/** What a system account may be given: the permissions of the roles system accounts act in, no portal, no own account. */
const GRANTABLE: Permission[] = [...new Set([...ROLE_PERMISSIONS.BUREAU_STAFF, ...ROLE_PERMISSIONS.CITY_STAFF, ...ROLE_PERMISSIONS.INSTITUTION_STAFF])]
  .filter((permission) => !permission.startsWith("portal.") && !permission.startsWith("account."))
  .sort();

export default async function ApiTokensPage() {
  const actor = await requirePageActor("apiToken.manage");
  const t = await getT();
  const db = getDb();
  const [tokens, organizations] = await Promise.all([listApiTokens(db, actor), listOrganizations(db, actor, { activeOnly: true })]);
  const now = new Date();
  return (
    <>
      <PageHeader title={t("apiTokens.title")} description={t("apiTokens.description")} actions={<Link href="/api-docs" className="text-sm font-medium text-brand-700 hover:underline">{t("apiTokens.docsLink")}</Link>} />
      <Card title={t("apiTokens.issue")} className="mb-6">
        <IssueTokenPanel organizations={organizations.map((o) => ({ value: o.id, label: o.name }))} permissions={GRANTABLE.map((p) => ({ value: p, label: p }))} />
      </Card>
      {tokens.length === 0 ? <p className="mb-2 text-sm text-slate-600">{t("apiTokens.none")}</p> : null}
      <Table
        caption={t("apiTokens.list")}
        head={<tr><Th>{t("apiTokens.name")}</Th><Th>{t("apiTokens.organization")}</Th><Th>{t("apiTokens.prefix")}</Th><Th>{t("apiTokens.permissions")}</Th><Th>{t("apiTokens.expiresAt")}</Th><Th>{t("apiTokens.lastUsedAt")}</Th><Th>{t("apiTokens.status")}</Th><Th>{t("common.actions")}</Th></tr>}
      >
        {tokens.map((token) => {
            const status = token.revokedAt ? "revoked" : token.expiresAt <= now ? "expired" : "active";
            return (
              <tr key={token.id}>
                <Td>{token.name}</Td>
                <Td>{token.user.organization.name}</Td>
                <Td><code className="font-mono text-xs">{token.prefix}…</code></Td>
                <Td><span className="font-mono text-xs">{token.permissions.join(", ")}</span></Td>
                <Td>{formatDateTime(token.expiresAt, actor.locale)}</Td>
                <Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, actor.locale) : "—"}</Td>
                <Td>{t(`apiTokens.${status}`)}</Td>
                <Td>{status === "active" ? <OperationForm name="apiToken.revoke" bound={{ tokenId: token.id, version: token.version }} submitLabel={`${t("apiTokens.revoke")} ${token.name}`} /> : null}</Td>
              </tr>
            );
          })}
      </Table>
    </>
  );
}
