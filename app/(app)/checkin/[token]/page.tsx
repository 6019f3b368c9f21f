import type { Metadata } from "next";
import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { checkInRefusal, getCheckIn } from "@/lib/server/dal/programme/attendance";
import { checkInAction } from "@/lib/actions/programme";
import { Card, PageHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/programme/action-form";
import { AttendanceText } from "@/components/programme/phase-bits";
import { formatSessionTime } from "@/lib/domain/programme-labels";
import { Facts } from "@/components/page/facts";

export const metadata: Metadata = { title: "培训签到" };
export const dynamic = "force-dynamic";

// Opening the link never writes: the participant confirms with the button (a POST through a
// server action), so link previews and prefetching cannot check anyone in.
export default async function CheckInPage({ params }: { params: Promise<{ token: string }> }) {
  const viewer = await requirePageViewer("programme.checkIn");
  const { token } = await params;
  const view = await getCheckIn(viewer, token);
  if (!view) {
    return (
      <div className="mx-auto max-w-lg space-y-6">
        <PageHeader title="培训签到" />
        <Card>
          <p role="alert" className="text-base text-red-700">
            签到链接无效，请重新扫描培训现场的二维码。
          </p>
        </Card>
      </div>
    );
  }
  const { session, state } = view;
  const refusal = checkInRefusal(state);
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <PageHeader title="培训签到" subtitle={`${viewer.name}（${viewer.employeeNo}）`} />
      <Card>
        <h2 className="text-lg font-semibold">{session.title}</h2>
        <Facts
          className="mt-2 space-y-1 text-sm text-slate-800"
          labelClassName="inline text-slate-600"
          valueClassName="inline"
          facts={[
            ["阶段：", session.phaseName],
            ["时间：", formatSessionTime(session.startsAt, session.endsAt)],
            ["地点：", session.place],
            ["讲师：", session.lecturer ?? "待定"],
          ]}
        />
        <div className="mt-4" data-testid="check-in-state">
          {state === "DONE" ? (
            <p role="status" className="rounded-md bg-emerald-50 px-3 py-3 text-base text-emerald-900">
              您已签到：
              <AttendanceText status={view.attendance} />
            </p>
          ) : state === "OPEN" ? (
            <ActionForm action={checkInAction} submitLabel="确认签到" pendingLabel="正在签到…" label="确认签到">
              <input type="hidden" name="token" value={token} />
              <p className="text-sm text-slate-700">请确认您本人在培训现场，点击下方按钮完成签到。</p>
            </ActionForm>
          ) : (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-3 text-base text-red-800">
              {refusal}
            </p>
          )}
        </div>
        {viewer.role === "ACCOUNT_MANAGER" || viewer.role === "ASSISTANT" ? (
          <p className="mt-4 text-sm">
            <Link href="/me/programme" className="text-brand-700 hover:underline">
              查看我的培训
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
