import { fail } from '@sveltejs/kit';
import { logEvent } from '$lib/server/events';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  logEvent('account.view', { user: locals.user?.id }); // expect: fn/no-floating-background-promise
  return { user: locals.user };
};

export const actions = {
  update: async ({ request }) => {
    const data = await request.formData();
    if (!data.get('name')) return fail(400, { missing: true });
    logEvent('account.update', { name: data.get('name') }).catch(() => {}); // expect: fn/no-floating-background-promise
    return { success: true };
  },
  delete: async () => {
    await logEvent('account.delete', {}); // expect-none
    return { success: true };
  },
} satisfies Actions;
