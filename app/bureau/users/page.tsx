import { DeactivateButton } from "@/components/admin/deactivate-button";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { Card, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { listOrganizations } from "@/lib/server/organizations/organizations";
import { can } from "@/lib/server/policy/policy";
import { listUsers } from "@/lib/server/users/users";

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("user.read");
  const t = await getT();
  const params = await searchParams;
  const db = getDb();
  const [users, organizations] = await Promise.all([
    listUsers(db, actor, { query: params.q?.slice(0, 64), page: Number(params.page) || 1 }),
    listOrganizations(db, actor, { activeOnly: true }),
  ]);
  return (
    <>
      <PageHeader title={t("users.title")} description={t("users.description")} />
      {can(actor, "user.create") ? (
        <Card title={t("users.createTitle")} className="mb-6">
          <UserCreateForm organizations={organizations.map((o) => ({ id: o.id, name: o.name }))} />
        </Card>
      ) : null}
      <form className="mb-3 flex gap-2" role="search">
        <label className="sr-only" htmlFor="user-search">{t("common.search")}</label>
        <input id="user-search" name="q" defaultValue={params.q ?? ""} placeholder={t("users.searchPlaceholder")} className="w-72 rounded border border-slate-300 px-3 py-1.5 text-sm" />
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">{t("common.search")}</button>
      </form>
      <p className="mb-2 text-sm text-slate-600">{t("common.totalCount", { count: users.total })}</p>
      <Table
        caption={t("users.title")}
        head={<tr><Th>{t("users.username")}</Th><Th>{t("users.displayName")}</Th><Th>{t("users.role")}</Th><Th>{t("users.organization")}</Th><Th>{t("users.lastLogin")}</Th><Th>{t("common.status")}</Th><Th>{t("common.actions")}</Th></tr>}
      >
        {users.rows.map((user) => (
          <tr key={user.id}>
            <Td>{user.username}</Td>
            <Td>{user.displayName}</Td>
            <Td>{t(`roles.${user.role}`)}</Td>
            <Td>{user.organization.name}</Td>
            <Td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, actor.locale) : "—"}</Td>
            <Td>{user.active ? (user.signInRestrictedUntil ? t("users.locked") : t("common.active")) : t("common.inactive")}</Td>
            <Td>
              {user.active && can(actor, "user.deactivate", { userId: user.id }) ? (
                <DeactivateButton id={user.id} version={user.version} label={t("users.deactivateLabel", { name: user.username })} confirmText={t("users.deactivateConfirm", { name: user.displayName })} operation="user.deactivate" />
              ) : null}
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
