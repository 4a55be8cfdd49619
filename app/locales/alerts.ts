/** Strings for messages and alerts (issue 12), zh-CN first; en has the same shape. */
export const alertsZh = {
  devMail: {
    title: "本机收到的邮件",
    lead: "没有配置 SMTP_URL 时，网站把邮件发到本机的 SMTP 服务器，在这里查看（只在本机可见，最新的在前）。",
    empty: "还没有邮件。",
    to: "收件人",
    at: "时间",
  },
};

export const alertsEn: typeof alertsZh = {
  devMail: {
    title: "Mail received on this machine",
    lead: "Without SMTP_URL the site sends its mail to an SMTP server on this machine; read it here (visible on this machine only, newest first).",
    empty: "No mail yet.",
    to: "To",
    at: "Time",
  },
};
