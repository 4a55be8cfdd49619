/** The tests use the same real SMTP capture server as the demo site (server/mail-capture.ts). */
export { startSmtpServer, type CapturedMail } from "../../server/mail-capture.ts";
