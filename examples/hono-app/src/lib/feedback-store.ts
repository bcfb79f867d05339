export interface Feedback {
  message: string;
  rating: number;
  country?: string;
  city?: string;
}

/** Stores one piece of feedback; returns its id. */
export async function saveFeedback(db: D1Database, feedback: Feedback): Promise<number> {
  const result = await db
    .prepare('INSERT INTO feedback (message, rating, country, city) VALUES (?1, ?2, ?3, ?4)')
    .bind(feedback.message, feedback.rating, feedback.country ?? null, feedback.city ?? null)
    .run();
  return result.meta.last_row_id;
}

/** Removes one piece of feedback (the user asked for it). */
export async function deleteFeedback(db: D1Database, id: number): Promise<boolean> {
  const result = await db.prepare('DELETE FROM feedback WHERE id = ?1').bind(id).run();
  return result.meta.changes > 0;
}
