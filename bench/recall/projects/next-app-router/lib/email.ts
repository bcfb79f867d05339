import { Resend } from 'resend';

const resend = new Resend(process.env.RESEND_API_KEY);

export async function sendWelcome(to: string) {
  return resend.emails.send({ from: 'hello@example.com', to, subject: 'Welcome', text: 'Thanks for signing up.' });
}
