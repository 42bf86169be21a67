import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Chinese, simplified (zh-CN) and traditional (zh-TW) in one table. Sources: CL = ChatLab's parser and tests (T). */
export const chinese: WhatsAppLanguage = {
  code: 'zh',
  name: 'Chinese',
  system: [
    {
      action: 'encryptionNotice',
      pattern: '已进行端到端加密|已受端對端加密保護',
      example: '消息和通话已进行端到端加密。',
      source: 'CL (T)',
    },
    { action: 'chatCreate', pattern: '创建了此群组|建立了此群組', example: '小明创建了此群组', source: 'CL (T)' },
    { action: 'memberJoined', pattern: '加入群组|加入了群組', example: '小红通过邀请链接加入群组', source: 'CL (T)' },
    { action: 'memberLeft', pattern: '退出了群组|已離開群組', example: '小红退出了群组', source: 'CL (T)' },
    { action: 'membersRemoved', pattern: '移除了|已移除', example: '小明移除了小红', source: 'CL (T)' },
    { action: 'membersAdded', pattern: '添加了|已新增', example: '小明添加了小红', source: 'CL (T)' },
    {
      action: 'other',
      detail: { sourceName: 'settingsChanged' },
      pattern: '已将此群组的设置更改为',
      example: '小明已将此群组的设置更改为仅管理员可发送消息',
      source: 'CL (T)',
    },
    {
      action: 'other',
      detail: { sourceName: 'groupChanged' },
      pattern: '更改了本群组|已變更本群組',
      example: '小明更改了本群组的图标',
      source: 'CL (T)',
    },
    { action: 'messagesTtlChanged', pattern: '限时消息|限時訊息', example: '小明开启了限时消息功能。', source: 'CL (T)' },
  ],
  omitted: [
    { kind: 'media', text: '<省略影音内容>', source: 'CL, zh-CN (T)' },
    { kind: 'media', text: '<已省略多媒體檔案>', source: 'CL, zh-TW (T)' },
    { kind: 'media', text: '<省略多媒体文件>', source: 'CA (T)' },
    { kind: 'media', text: '<忽略多媒體檔>', source: 'CA (T)' },
    { kind: 'photo', text: '圖片已略去', source: 'CL; FS notes on real exports (R?)' },
    { kind: 'video', text: '影片已略去', source: 'CL; FS (R?)' },
    { kind: 'voice', text: '音訊已略去', source: 'CL; FS (R?)' },
    { kind: 'sticker', text: '貼圖已忽略', source: 'CL; FS (R?)' },
    { kind: 'sticker', text: '貼圖已略去', source: 'CL; FS (R?)' },
  ],
  attached: [
    { form: 'android', text: '文件附件', source: 'FS (T)' },
    { form: 'iphone', text: '已附加', source: 'CL (T)' },
    { form: 'iphone', text: '附件', source: 'CL (T)' },
  ],
  deleted: [
    { text: '这条消息已删除', source: 'CL (T)' },
    { text: '此訊息已刪除', source: 'CL (T)' },
    { text: '你已刪除此訊息', source: 'CL (T)' },
  ],
  edited: [],
  stamps: [
    { text: '2024/01/02 03:04 - ', source: 'CL, Android (T)' },
    { text: '2026/4/6 下午1:54 - ', source: 'FS notes on real exports, Android (R?)' },
    { text: '[2026/7/9 02:28:09] ', source: 'I12, iPhone (R)' },
    { text: '02/01/2024 03:04 下午 - ', source: 'CL test, zh-TW (F)' },
  ],
  location: [],
  fileNames: [
    { text: '与{name}的 WhatsApp 聊天', source: 'CL (T)' },
    { text: '與{name}的 WhatsApp 對話', source: 'CL (T)' },
  ],
};
