export async function seedAccreditationDemo(): Promise<void> {}
