"""Prints a psql script that stores GROUPS x SIZE sample events for TENANT, one transaction per group:
either the writer's group-commit INSERT (unnest, head guard, RETURNING) and heads upsert, or a COPY.
The INSERT and the upsert are copies of InsertSql and MoveHeadsSql in
Grains/Storage/Postgres/PostgresEventLog.Append.cs, with the same parameters: keep them in step.
usage: group_rows.py insert|copy GROUPS SIZE TENANT"""
import json, uuid, sys
ctx = json.dumps({"message_id":"wamid.HBgLNDkxNzYxMjM0NTY3FQIAERgSQzVGRjA4RDk0QkI5RjM2QjM1AA==","template":"appointment_reminder_v3","phone":"+49 176 1234567","attempt":2,"provider":"meta_cloud_api","error_code":131026,"error_title":"Message undeliverable","campaign":"spring-follow-up","account_id":"acct-7781"}, separators=(',',':'))
groups, size = int(sys.argv[2]), int(sys.argv[3])
mode = sys.argv[1]
tenant = sys.argv[4]
def arr(vals): return "'{" + ",".join('"' + v.replace('\\','\\\\').replace('"','\\"') + '"' for v in vals) + "}'"
out = []
if mode == "insert":
    out.append("""PREPARE ins(timestamptz, text[], text[], text[], bigint[], timestamptz[], text[], text[], text[], text[], text[], text[], text[], text[], text[], text[], text[], bigint[]) AS
INSERT INTO events (tenant_id, event_id, stream, version, "timestamp", recorded_at, category, severity, event_type, message, source, lead_id, session_id, device_id, account_id, workflow_id, context)
SELECT e.tenant_id, e.event_id, e.stream, CASE WHEN coalesce((SELECT h.version FROM streams h WHERE h.tenant_id = e.tenant_id AND h.stream = e.stream), 0) = e.head_before THEN e.version ELSE 0 END, e.ts, $1, e.category, e.severity, e.event_type, e.message, e.source, e.lead_id, e.session_id, e.device_id, e.account_id, e.workflow_id, CAST(e.context AS jsonb)
FROM unnest($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) WITH ORDINALITY AS e(tenant_id, event_id, stream, version, ts, category, severity, event_type, message, source, lead_id, session_id, device_id, account_id, workflow_id, context, head_before, ordinal) ORDER BY e.ordinal RETURNING id, transaction_id, tenant_id, event_id;
PREPARE heads(text[], text[], bigint[]) AS INSERT INTO streams AS h (tenant_id, stream, version) SELECT * FROM unnest($1, $2, $3) ON CONFLICT (tenant_id, stream) DO UPDATE SET version = EXCLUDED.version WHERE h.version < EXCLUDED.version;
\\o /dev/null""")
n = 0
for g in range(groups):
    ids = [str(uuid.uuid4()) for _ in range(size)]
    streams = [f"lead/{tenant}-{n+i}" for i in range(size)]
    leads = [f"{tenant}-{n+i}" for i in range(size)]
    n += size
    if mode == "insert":
        nul = "'{" + ",".join(["NULL"]*size) + "}'"
        out.append(f"BEGIN; EXECUTE ins(now(), {arr([tenant]*size)}, {arr(ids)}, {arr(streams)}, '{{{','.join(['1']*size)}}}', {arr(['2026-12-01T00:00:00Z']*size)}, {arr(['whatsapp']*size)}, {arr(['warning']*size)}, {arr(['whatsapp.send_failed']*size)}, {arr(['WhatsApp message could not be delivered']*size)}, {arr(['backend']*size)}, {arr(leads)}, {nul}, {nul}, {nul}, {nul}, {arr([ctx]*size)}, '{{{','.join(['0']*size)}}}');")
        out.append(f"EXECUTE heads({arr([tenant]*size)}, {arr(streams)}, '{{{','.join(['1']*size)}}}'); COMMIT;")
    else:
        out.append('COPY events (tenant_id, event_id, stream, version, "timestamp", recorded_at, category, severity, event_type, message, source, lead_id, context) FROM STDIN;')
        for i in range(size):
            out.append("\t".join([tenant, ids[i], streams[i], "1", "2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z", "whatsapp", "warning", "whatsapp.send_failed", "WhatsApp message could not be delivered", "backend", leads[i], ctx.replace('\\','\\\\')]))
        out.append("\\.")
print("\n".join(out))
