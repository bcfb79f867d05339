import nodemailer from 'nodemailer';

const transport = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });

export async function sendWelcome(to) {
  return transport.sendMail({ from: 'hello@example.com', to, subject: 'Welcome', text: 'Thanks for signing up.' });
}
