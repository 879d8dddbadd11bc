// Words for random nicknames (勇敢的斑马): friendly adjectives and road-safety-ish animals.
export const NICKNAME_WORDS = {
  'zh-Hans': {
    adjectives: ['勇敢的', '细心的', '聪明的', '快乐的', '守规矩的', '安全的', '机灵的', '认真的', '友好的', '勤快的'],
    nouns: ['斑马', '熊猫', '小鹿', '海豚', '猫头鹰', '松鼠', '企鹅', '长颈鹿', '小象', '狐狸'],
  },
  en: {
    adjectives: ['Brave', 'Careful', 'Clever', 'Happy', 'Steady', 'Safe', 'Smart', 'Patient', 'Friendly', 'Alert'],
    nouns: ['Zebra', 'Panda', 'Deer', 'Dolphin', 'Owl', 'Squirrel', 'Penguin', 'Giraffe', 'Elephant', 'Fox'],
  },
} as const;

/** Words a nickname may not contain (checked case-insensitively, after removing spaces). */
export const NICKNAME_BLOCKLIST = ['傻', '笨蛋', '死', '滚', '操', '妈的', 'fuck', 'shit', 'bitch', 'idiot', 'stupid', 'admin', 'staff', '管理员'];
