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

/**
 * Words a nickname may not contain, in Simplified Chinese and lower case: modes/nicknameFilter.ts folds
 * a nickname (Traditional → Simplified, full-width, digits for letters, separators) before matching.
 * Staff words are here too: a visitor may not pass for staff on a leaderboard.
 */
export const NICKNAME_BLOCKLIST = [
  '傻',
  '笨蛋',
  '死',
  '滚',
  '操',
  '妈的',
  '他妈',
  '你妈',
  '尼玛',
  '草泥马',
  '卧槽',
  '白痴',
  '贱人',
  '婊',
  '杂种',
  '脑残',
  '废物',
  '屌',
  '鸡巴',
  '王八蛋',
  '混蛋',
  'fuck',
  'shit',
  'bitch',
  'cunt',
  'whore',
  'slut',
  'nigg',
  'idiot',
  'stupid',
  'tmd',
  'nmsl',
  'cnm',
  'admin',
  'staff',
  '管理员',
  '工作人员',
];

/** Whole nicknames refused (too short to look for inside other words). */
export const NICKNAME_BLOCKED_WHOLE = ['sb', 'nmb', 'wtf'];

/**
 * The product's own words that contain a blocked character: allowed (taken out before matching).
 * 死角 is the blind-spot zone's word; 操场 a school playground; 操作 and 体操 everyday words.
 */
export const NICKNAME_ALLOWLIST = ['视线死角', '死角', '操作', '操场', '体操', '早操', '滚动', '滚轮'];
