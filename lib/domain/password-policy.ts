// What a chosen password must be (own change and the change forced after HR's reset).

export const PASSWORD_MIN_LENGTH = 8;
/** bcrypt reads at most 72 bytes; a longer password would silently be cut. */
export const PASSWORD_MAX_BYTES = 72;

/** Chinese problems with a new password; empty when it is acceptable. */
export function passwordProblems(password: string, context: { employeeNo?: string; email?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) problems.push(`密码不能超过 ${PASSWORD_MAX_BYTES} 个字节（约 24 个汉字或 72 个字母）`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(password)) problems.push("密码不能包含控制字符");
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push("密码须同时包含字母和数字");
  const lower = password.toLowerCase();
  if (context.employeeNo && lower.includes(context.employeeNo.toLowerCase())) problems.push("密码不能包含工号");
  if (context.email && lower.includes(context.email.split("@")[0].toLowerCase()) && context.email.split("@")[0].length >= 3)
    problems.push("密码不能包含邮箱用户名");
  return problems;
}

const TEMP_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";

/**
 * A temporary password for HR's reset: 12 characters without look-alikes (0/O, 1/l/I), always
 * with a letter and a digit. `random` returns bytes (crypto.getRandomValues in practice).
 */
export function temporaryPassword(random: (n: number) => Uint8Array): string {
  for (;;) {
    const bytes = random(24);
    let out = "";
    for (const b of bytes) {
      // Rejection sampling keeps every character equally likely.
      if (b >= 256 - (256 % TEMP_ALPHABET.length)) continue;
      out += TEMP_ALPHABET[b % TEMP_ALPHABET.length];
      if (out.length === 12) break;
    }
    if (out.length === 12 && /[A-Za-z]/.test(out) && /[0-9]/.test(out)) return out;
  }
}
