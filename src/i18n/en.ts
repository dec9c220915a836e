import type { Dictionary } from './index.js';

/** English. Typed as the full dictionary: a key missing here fails the typecheck. */
export const en: Dictionary = {
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.yes_save': 'Yes, save',
  'common.no_change': 'Change something',
  'common.none': '(none)',
  'common.done': '✅ Done',
  'common.which_to_change': 'What would you like to change?',
  'common.back_to_menu': 'Back to the menu',

  'start.welcome':
    'Welcome to *PesanDesa* 👋\nWhere villages order goods & services from local businesses, right in the chat.\n\nHow are you signing up?',
  'start.role_vendor': 'Supplier / business owner',
  'start.role_officer': 'Village officer',

  'task.generic': 'this form',
  'task.vendor_reg': 'your business registration',
  'task.officer_reg': 'your village officer registration',

  'vendor.ask_business_name': 'What is the name of your business?\nExample: Sumber Rejeki Building Supplies',
  'vendor.ask_owner_name': 'What is the business owner’s name?',
  'vendor.ask_phone': 'Type a phone number where the business can be reached.\nExample: 0812 3456 7890',
  'vendor.ask_phone_known': 'Contact phone number: {phone}.\nUse this number?',
  'vendor.phone_use_this': 'Yes, use this number',
  'vendor.phone_other': 'Use another number',
  'vendor.ask_categories':
    'What does your business sell? Pick the numbers, more than one is fine.\nExample: *1, 3, 5*',
  'vendor.categories_chosen': 'Chosen so far: {list}',
  'vendor.categories_hint': 'Type the category numbers separated by commas. Example: *1, 3*',
  'vendor.categories_none': 'Please choose at least one category first.',
  'vendor.ask_nib':
    'Business Identification Number (NIB), if you have one — 13 digits.\nType *skip* if you do not have one yet.',
  'vendor.summary':
    'Please check your business details:\n\n🏪 {business}\n👤 {owner}\n📞 {phone}\n📦 {categories}\n📍 {village}, {district} district\n🧾 NIB: {nib}\n\nIs this correct?',
  'vendor.registered':
    'Thank you! *{business}* is registered ✅\nThe regency admin will check your details. Meanwhile you can already receive village requests.',
  'vendor.field_business': 'Business name',
  'vendor.field_owner': 'Owner name',
  'vendor.field_phone': 'Phone number',
  'vendor.field_categories': 'Categories',
  'vendor.field_location': 'Location',
  'vendor.field_nib': 'NIB',

  'officer.ask_name': 'What is your full name?',
  'officer.ask_position': 'What is your position in the village?',
  'officer.ask_invite':
    'Type the *invite code* from the regency admin.\nNo code? Type *skip* — the admin will check your details.',
  'officer.invite_unknown': 'That invite code is not known. Please check it, or type *skip*.',
  'officer.invite_used':
    'That invite code has already been used. Ask the admin for a new one, or type *skip*.',
  'officer.invite_expired': 'That invite code has expired. Ask the admin for a new one, or type *skip*.',
  'officer.invite_other_village': 'That invite code is for another village. Please check it, or type *skip*.',
  'officer.summary':
    'Please check your details:\n\n👤 {name}\n🏛️ {position}\n📍 {village} village, {district} district\n🔑 Invite code: {invite}\n\nIs this correct?',
  'officer.registered_verified':
    'Thank you! Your account is active ✅\nYou can post village needs right away.',
  'officer.registered_pending':
    'Thank you! We have your details 🙏\nYour account is *waiting for verification* by the regency admin. We will tell you here once it is checked.',
  'officer.field_name': 'Name',
  'officer.field_village': 'Village',
  'officer.field_position': 'Position',
  'officer.field_invite': 'Invite code',

  'position.kepala_desa': 'Village head (Kepala Desa)',
  'position.sekdes': 'Village secretary (Sekdes)',
  'position.kasi': 'Section head (Kasi)',
  'position.kaur': 'Affairs head (Kaur)',
  'position.tpk': 'TPK member',
  'position.lainnya': 'Other',

  'location.ask_regency': 'Which regency?',
  'location.ask_district': 'Which district (kecamatan)?',
  'location.ask_village': 'Which village?',
  'location.ask_desa': 'Which village (desa)?',

  'menu.officer_title': 'Main menu — what would you like to do?',
  'menu.vendor_title': 'Main menu — what would you like to do?',
  'menu.post_need': 'Post a new need',
  'menu.my_needs': 'My needs',
  'menu.officer_orders': 'Orders & receipts',
  'menu.open_tenders': 'Open tenders for me',
  'menu.my_quotes': 'My quotes',
  'menu.my_orders': 'My orders',
  'menu.profile': 'My profile',
  'menu.help': 'Help',
  'menu.coming_soon': '*{feature}* is coming soon. We will let you know when it is ready 🙏',

  'profile.vendor':
    'Business profile:\n\n🏪 {business}\n👤 {owner}\n📞 {phone}\n📦 {categories}\n📍 {village}, {district} district\n🌙 Quiet hours: {quiet}\n✔️ Status: {status}\n🌐 Language: {language}',
  'profile.officer':
    'Your profile:\n\n👤 {name}\n🏛️ {position}\n📍 {village} village, {district} district\n✔️ Status: {status}\n🌐 Language: {language}',
  'profile.none': 'You are not registered yet.',
  'profile.change_categories': 'Change categories',
  'profile.change_location': 'Change location',
  'profile.change_quiet': 'Change quiet hours',
  'profile.change_language': 'Change language',
  'profile.ask_quiet':
    'At what hours should we not send you tender alerts? Messages wait until the quiet hours end.\nExample: *21-6* (21:00 to 06:00). Type *none* to turn them off.',
  'profile.quiet_off': 'none',
  'profile.saved': 'Saved ✅',

  'verification.pending': 'waiting for verification',
  'verification.verified': 'verified',
  'verification.rejected': 'rejected',

  'language.ask': 'Pilih bahasa / Choose a language:',
  'language.changed': 'Language changed to English.',

  'resume.ask': 'You have not finished {task}. Continue?',
  'resume.continue': 'Yes, continue',
  'resume.restart': 'Start again',

  'cancel.confirm': 'Cancel {task}? The answers given so far will be lost.',
  'cancel.yes': 'Yes, cancel',
  'cancel.no': 'No, continue',
  'cancel.done': 'Cancelled.',
  'cancel.nothing': 'There is nothing to cancel.',
  'back.first_step': 'This is already the first question.',

  'hint.choose_number': 'Sorry, that is not one of the choices. Type a number from 1 to {max}.',
  'hint.ambiguous': 'Which one do you mean: {options}? Type its number.',
  'hint.type_text': 'Please answer by typing a message.',
  'hint.name': 'Please write the name in letters, 2 to 100 characters.',
  'hint.phone': 'That phone number does not look right. Example: 0812 3456 7890',
  'hint.nib': 'An NIB has 13 digits. Type *skip* if you do not have one yet.',
  'hint.quiet': 'I could not read that. Example: *21-6* or *22.00-05.30*. Type *none* to turn them off.',
  'hint.stuck': 'This seems confusing. Type *help* for guidance, or *menu* to go back to the main menu.',

  'help.generic':
    'Answer the question below by typing, or type the number of a choice.\nWords that always work: *menu*, *back*, *cancel*, *help*, *language*.',
  'help.start':
    'Choose *1* if you run a business and want orders from villages. Choose *2* if you are a village officer buying for the village.',
  'help.menu': 'Type the number of the menu item you want. Type *back* or *cancel* at any time in a form.',
  'help.vendor_business_name': 'Write the business name as on your sign or receipts.',
  'help.phone': 'Villages use this number to contact you about orders. It may start with 08 or +62.',
  'help.categories':
    'Categories decide which village requests you receive. Type several numbers at once, separated by commas. You can change them later in *My profile*.',
  'help.location': 'Your location puts the nearest businesses first. Type a number or a name from the list.',
  'help.nib': 'The NIB is the business licence number from OSS. It is not required to sign up.',
  'help.invite':
    'The regency admin or village facilitator gives invite codes so that accounts are active at once. Without a code, the admin checks your details first.',
  'help.quiet': 'During quiet hours we send no tender alerts; they arrive the next morning.',

  'media.unsupported': 'Sorry, we cannot read {kind} here yet. Please answer by typing.',
  'media.photo': 'photos',
  'media.document': 'documents',
  'media.voice': 'voice messages',
  'media.video': 'videos',
  'media.sticker': 'stickers',

  'policy.suspended': 'Sorry, your account is suspended. Please contact the regency admin.',
  'policy.not_officer': 'This menu is for village officers only.',
  'policy.officer_pending':
    'Your account is still *waiting for verification* by the regency admin. Once verified, you can post needs.',
  'policy.officer_rejected': 'Your registration was not approved. Please contact the regency admin.',
  'policy.not_vendor': 'This menu is for suppliers only.',
  'policy.vendor_rejected': 'Your business registration was not approved. Please contact the regency admin.',

  'error.generic':
    'Sorry, something went wrong on our side. Please send it again in a moment, or type *menu*.',
};
