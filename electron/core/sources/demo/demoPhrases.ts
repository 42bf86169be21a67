/** Word material for the demo archive: several languages and scripts, so the UI meets them all. */
export const englishPhrases = [
  'sounds good',
  'on my way',
  'did anyone see the email from the landlord?',
  'I will be 10 minutes late, sorry',
  'can we move the call to Thursday',
  'the build is green again',
  'who has the keys to the storage room',
  'thanks, that fixed it',
  'haha yes',
  'lunch at the usual place?',
  'I pushed the draft, comments welcome',
  'the train is delayed again',
  'happy birthday!!',
  'let me check and get back to you',
  'that is the best news I have heard all week',
  'does anyone remember the name of that restaurant near the river',
  'the photos from the weekend are up',
  'ok',
  'see you tomorrow',
  'we need to decide on the venue by Friday',
  'my flight lands at 18:40',
  'can someone pick up bread on the way home',
  'the meeting notes are in the shared folder',
  'I disagree, the old layout was clearer',
  'just finished the first chapter, no spoilers please',
  'it works on my machine',
  'reminder: rent is due on the first',
  'great idea',
  'the cat knocked the plant over again',
  'which version are we shipping',
];

export const otherLanguagePhrases = [
  '¿quedamos a las ocho?',
  'muchas gracias por todo',
  'Bis später, ich bin unterwegs',
  'Das Café hat heute geschlossen',
  'à demain, on se retrouve au café',
  'C’est noté, merci beaucoup',
  'obrigada pela ajuda!',
  'naïve question: is the façade finished?',
  'Jürgen hat die Präsentation geschickt',
  'São Paulo está chovendo de novo',
];

export const rightToLeftPhrases = [
  'שלום לכולם, מה שלומכם?',
  'נתראה מחר בבוקר',
  'مرحبا، كيف حالك؟',
  'شكرا جزيلا على المساعدة',
  'سأتصل بك لاحقا',
];

export const cjkPhrases = [
  '你好，今天天气很好',
  '我们明天见',
  'ありがとうございます',
  '会議は三時からです',
  '안녕하세요, 잘 지내세요?',
  '这个周末去爬山吗',
];

export const emoji = ['😂', '👍', '🎉', '❤️', '🙏', '😅', '🔥', '🤔', '👀', '✅', '🍕', '☕', '🚀', '👨‍👩‍👧'];

export const links = [
  'https://example.org/notes/weekly-sync',
  'https://en.wikipedia.org/wiki/Lighthouse',
  'https://example.com/photos/2019/summer',
  'https://news.example.net/article/4211',
];

export const hashtags = ['#release', '#weekend', '#todo', '#recipes', '#travel'];

export const fileNames = ['minutes-2019-03.pdf', 'budget.xlsx', 'floorplan.png', 'contract_v3.docx', 'backup.zip', 'slides.key'];

export const pollQuestions: Array<{ question: string; options: string[] }> = [
  { question: 'Where should we go for dinner?', options: ['Pizza', 'Sushi', 'Tacos'] },
  { question: 'Which date works for the trip?', options: ['12 May', '19 May', '26 May', 'None'] },
];

export const places = [
  { latitude: 38.7223, longitude: -9.1393, title: 'Lisbon' },
  { latitude: 52.52, longitude: 13.405, title: 'Berlin' },
  { latitude: 35.6762, longitude: 139.6503, title: 'Tokyo' },
];
