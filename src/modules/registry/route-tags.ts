/** The /docs groups of part of the registry's operations (one tag can span sub-folders). */
export const STUDENT_TAGS = ['Lớp, học sinh'];
export const SCHOOL_TAGS = ['Trường học, cơ sở vật chất'];
