import type { MailMessage } from "@/shared/infrastructure/mail/mailer.port";
import { ONE_TIME_TOKEN_TTL_SECONDS } from "../../domain/one-time-token.entity";
import type { Role } from "../../domain/role.value-object";

/**
 * Plain-text and HTML bodies of the auth emails. Each carries a link for people AND the raw token
 * with the API call that takes it, for clients that drive the API directly. Names come from users,
 * so they are HTML-escaped.
 */

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const hours = (seconds: number): string =>
  seconds >= 3600 ? `${Math.round(seconds / 3600)} hours` : `${Math.round(seconds / 60)} minutes`;

interface Action {
  readonly to: string;
  readonly subject: string;
  readonly greeting: string;
  readonly lead: string;
  readonly link: string;
  readonly linkLabel: string;
  readonly token: string;
  readonly apiCall: string;
  readonly expiresIn: string;
  readonly footer: string;
}

function actionMail(a: Action): MailMessage {
  const text = [
    a.greeting,
    "",
    a.lead,
    "",
    `${a.linkLabel}: ${a.link}`,
    "",
    `Using the API? Your token is:`,
    a.token,
    `Send it with: ${a.apiCall}`,
    "",
    `This link and token expire in ${a.expiresIn} and work once.`,
    a.footer,
  ].join("\n");
  const html = [
    `<p>${escapeHtml(a.greeting)}</p>`,
    `<p>${escapeHtml(a.lead)}</p>`,
    `<p><a href="${escapeHtml(a.link)}">${escapeHtml(a.linkLabel)}</a></p>`,
    `<p>Using the API? Your token is:<br><code>${escapeHtml(a.token)}</code><br>`,
    `Send it with: <code>${escapeHtml(a.apiCall)}</code></p>`,
    `<p>This link and token expire in ${escapeHtml(a.expiresIn)} and work once.</p>`,
    `<p>${escapeHtml(a.footer)}</p>`,
  ].join("\n");
  return { to: a.to, subject: a.subject, text, html };
}

export class AuthMailTemplates {
  private readonly baseUrl: string;

  constructor(publicBaseUrl: string) {
    this.baseUrl = publicBaseUrl.replace(/\/+$/, "");
  }

  verification(mail: { to: string; name: string; token: string }): MailMessage {
    return actionMail({
      to: mail.to,
      subject: "Verify your email for Nexus",
      greeting: `Hello ${mail.name},`,
      lead: "Please confirm that this is your email address to finish creating your Nexus account.",
      link: this.link("/verify-email", mail.token),
      linkLabel: "Verify your email",
      token: mail.token,
      apiCall: `POST /api/v1/auth/email/verify {"token": "${mail.token}"}`,
      expiresIn: hours(ONE_TIME_TOKEN_TTL_SECONDS["email-verification"]),
      footer: "If you did not create an account, you can ignore this email.",
    });
  }

  accountExists(mail: { to: string; name: string }): MailMessage {
    const text = [
      `Hello ${mail.name},`,
      "",
      "Someone tried to create a Nexus account with this email address, but you already have one.",
      `If it was you, sign in at ${this.baseUrl}/login — or reset your password at ${this.baseUrl}/forgot-password.`,
      "If it was not you, you can ignore this email; nothing has changed.",
    ].join("\n");
    const html = [
      `<p>Hello ${escapeHtml(mail.name)},</p>`,
      "<p>Someone tried to create a Nexus account with this email address, but you already have one.</p>",
      `<p>If it was you, <a href="${escapeHtml(`${this.baseUrl}/login`)}">sign in</a> or `,
      `<a href="${escapeHtml(`${this.baseUrl}/forgot-password`)}">reset your password</a>.</p>`,
      "<p>If it was not you, you can ignore this email; nothing has changed.</p>",
    ].join("\n");
    return { to: mail.to, subject: "You already have a Nexus account", text, html };
  }

  passwordReset(mail: { to: string; name: string; token: string }): MailMessage {
    return actionMail({
      to: mail.to,
      subject: "Reset your Nexus password",
      greeting: `Hello ${mail.name},`,
      lead: "We received a request to reset your password. Resetting it signs you out everywhere.",
      link: this.link("/reset-password", mail.token),
      linkLabel: "Choose a new password",
      token: mail.token,
      apiCall: `POST /api/v1/auth/password/reset {"token": "${mail.token}", "newPassword": "…"}`,
      expiresIn: hours(ONE_TIME_TOKEN_TTL_SECONDS["password-reset"]),
      footer: "If you did not ask for this, you can ignore this email; your password stays the same.",
    });
  }

  /**
   * The subject is FIXED: organization and inviter names are user-written, and a subject (or any
   * header) is what a phishing attempt would borrow ("URGENT: your account is suspended"). They
   * appear only in the body, quoted, and HTML-escaped in the HTML part.
   */
  invitation(mail: {
    to: string;
    organizationName: string;
    inviterName: string;
    role: Role;
    token: string;
  }): MailMessage {
    return actionMail({
      to: mail.to,
      subject: "You have been invited to join an organization on Nexus",
      greeting: "Hello,",
      lead: `A member of the organization "${mail.organizationName}" on Nexus (who gave their name as "${mail.inviterName}") invited you to join it as ${mail.role}. Sign in (or register with this email address) and accept the invitation. Nothing happens unless you accept.`,
      link: this.link("/accept-invitation", mail.token),
      linkLabel: "Accept the invitation",
      token: mail.token,
      apiCall: `POST /api/v1/invitations/accept {"token": "${mail.token}"} (signed in as ${mail.to})`,
      expiresIn: hours(ONE_TIME_TOKEN_TTL_SECONDS.invitation),
      footer: "If you were not expecting this, you can ignore this email.",
    });
  }

  private link(path: string, token: string): string {
    return `${this.baseUrl}${path}?token=${encodeURIComponent(token)}`;
  }
}
