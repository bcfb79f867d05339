'use server';

export async function a(request: Request) {
  return request.headers.get('x-real-ip');
}
