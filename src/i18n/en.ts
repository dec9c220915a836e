import type { Dictionary } from './index.js';

/** English. Typed as the full dictionary: a key missing here fails the typecheck. */
export const en: Dictionary = {
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.yes_save': 'Yes, save',
  'common.no_change': 'Change something',
  'common.none': '(none)',
  'common.choose': 'Choose',
  'common.done': '✅ Done',
  'common.which_to_change': 'What would you like to change?',
  'common.back_to_menu': 'Back to the menu',

  'start.welcome':
    'Welcome to *PesanDesa* 👋\nWhere villages order goods & services from local businesses, right in the chat.\n(Already registered on another WhatsApp/Telegram? Type *hubungkan* and the code from Profile there.)\n\nHow are you signing up?',
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
  'menu.open_tenders': 'Village needs I can quote on',
  'menu.my_quotes': 'My quotes',
  'menu.my_orders': 'My orders',
  'menu.profile': 'My profile',
  'menu.help': 'Help',

  'profile.vendor':
    'Business profile:\n\n🏪 {business}\n👤 {owner}\n📞 {phone}\n📦 {categories}\n📍 {village}, {district} district\n🌙 Quiet hours: {quiet}\n✔️ Status: {status}\n🌐 Language: {language}',
  'profile.officer':
    'Your profile:\n\n👤 {name}\n🏛️ {position}\n📍 {village} village, {district} district\n✔️ Status: {status}\n🌐 Language: {language}',
  'profile.none': 'You are not registered yet.',
  'profile.change_categories': 'Change categories',
  'profile.change_location': 'Change location',
  'profile.change_quiet': 'Change rest hours',
  'profile.change_language': 'Change language',
  'profile.ask_quiet':
    'At what hours should we not send you tender alerts? Messages wait until the quiet hours end.\nExample: *21-6* (21:00 to 06:00). Type *none* to turn them off.',
  'profile.quiet_off': 'none',
  'profile.saved': 'Saved ✅',

  'verification.pending': 'waiting for verification',
  'verification.verified': 'verified',
  'verification.rejected': 'rejected',

  // The language's own name, shown in the language choice whatever language is current.
  'language.name': 'English',
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

  'hint.choose_number':
    'Sorry, that is not one of the choices. Type a number from 1 to {max}, or its name (for example *{example}*).',
  'hint.choose_one': 'Sorry, I could not read that. Type *1* for *{example}*, or *menu* to go back.',
  'hint.ambiguous': 'Which one do you mean: {options}? Type its number.',
  'hint.type_text': 'Please answer by typing a message.',
  'hint.name': 'Please write the name in letters, 2 to 100 characters.',
  'hint.phone': 'That phone number does not look right. Example: 0812 3456 7890',
  'hint.nib': 'An NIB has 13 digits. Type *skip* if you do not have one yet.',
  'hint.quiet': 'I could not read that. Example: *21-6* or *22.00-05.30*. Type *none* to turn them off.',
  'hint.stuck': 'This seems confusing. Type *help* for guidance, or *menu* to go back to the main menu.',

  'help.process_officer':
    'How it works:\n• You write what the village needs, its estimated price (HPS) and a quote deadline.\n• Nearby suppliers send sealed prices; prices open after the deadline.\n• You choose a supplier, receive the goods (BAST), then record the payment.',
  'help.process_vendor':
    'How it works:\n• We tell you about village needs that match your business.\n• You send a price before the deadline; it stays sealed until the deadline passes.\n• If chosen, you take on the order, deliver, and the village pays.',
  'help.reach_admin':
    'Need to talk to the regency staff? Type *menu* and choose *Complaint*; the answer comes in this chat.',
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

  'date.moved_tomorrow':
    'That time has passed today, so we took tomorrow: {when}. Type *back* if you meant something else.',
  'media.caption_read': 'This question needs no {kind}, so we read its caption as your answer.',
  'share.location_not_needed': 'Thank you, but no location is needed here.',
  'share.contact_not_needed': 'Thank you, but no contact is needed here.',
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

  'task.need_post': 'posting this need',
  'task.quote': 'this quote',
  'task.award': 'choosing a supplier',
  'task.order': 'this order',
  'task.receipt': 'confirming receipt',
  'task.payment': 'recording the payment',

  'menu.complaint': 'Complaint',

  'method.pembelian_langsung': 'Direct purchase',
  'method.permintaan_penawaran': 'Request for quotation',
  'method.lelang': 'Open tender',

  'hint.need_title': 'Write a short title, 3 to 120 letters. Example: Cement for the village road RT 03',
  'hint.quantity': 'Write the amount and its unit. Example: *50 sak*, *2.5 m3*, *10 dus*',
  'hint.money': 'Write an amount in rupiah. Example: *1.5 juta*, *Rp1,500,000* or *1500rb*',
  'hint.date': 'Write a date and time. Example: *tomorrow 14:00*, *Monday*, *25/11 10.00*',
  'hint.place': 'Write the delivery place, or type *1* for the village office.',
  'hint.days': 'Write a number of days. Example: *3* or *3 days*',

  'help.need_title': 'The title helps suppliers understand your need at a glance.',
  'help.need_items': 'Enter items one by one: the name, then the amount and unit.',
  'help.need_hps':
    'The HPS is the estimated total price. It decides the procurement method under the regency rules.',
  'help.need_deadline': 'Until when suppliers may send quotes. Quotes stay sealed until then.',

  'need.ask_title':
    'What does the village need? Write a short title.\nExample: Cement for the village road RT 03',
  'need.ask_category': 'Which category is it?',
  'need.ask_item_name': 'Item {n}: what is it called?',
  'need.ask_item_qty': 'How much *{item}*? Write the amount and unit.\nExample: 50 sak',
  'need.items_so_far': 'The list so far:\n{items}\n\nAny other item?',
  'need.opt_add_item': 'Add an item',
  'need.opt_items_done': 'That is all',
  'need.ask_hps': 'What is the estimated total price (HPS)?\nExample: 15 juta',
  'need.ask_deadline': 'Until when are quotes accepted?\nExample: *tomorrow 14:00* or *Monday 10.00*',
  'need.deadline_too_soon': 'The earliest quote deadline is {earliest}, so suppliers have time to quote.',
  'need.deadline_passed_meanwhile': 'The quote deadline is now too close. Please set a new one.',
  'need.ask_place': 'Where should it be delivered? Choose, or write the address.',
  'need.place_office': '{village} village office',
  'need.ask_needed_by': 'When is it needed at the latest?',
  'need.needed_by_after_deadline': 'The date needed must be after the quote deadline.',
  'need.summary_incomplete':
    'Some answers are still missing. Choose *Change something* and fill in what is missing.',
  'need.view': '*{number}* — {title}\nStatus: {status}',
  'need.view_open': 'Quotes so far: {count}. Prices open after the deadline ({deadline}).',
  'need.view_closed': 'The deadline has passed; {count} quotes came in. See them and choose a supplier.',
  'need.view_order': 'Order {order} to {vendor}, {amount} — {status}.',
  'need.view_missing': 'This need is not among yours.',
  'need.opt_choose_winner': 'See quotes & choose',
  'need.opt_confirm_receipt': 'Confirm the goods arrived',
  'need.opt_record_payment': 'Record the payment',
  'need.opt_back_to_list': 'Back to the list',
  'need.summary_direct': '🏪 Bought directly from: {vendor}',
  'need.published_direct':
    'Need *{number}* is published ✅ ({method}).\nWe sent it only to {vendor}. Its price stays sealed until {deadline}.',
  'need.hps_check':
    'An HPS of {amount}? That is very small for a procurement — a digit may be missing. Which did you mean?',
  'need.hps_meant': 'I meant {amount}',
  'need.hps_as_typed': 'Yes, {amount}',
  'need.hps_retype': 'Type it again',
  'need.ask_item_split': 'Item: *{item}*, quantity: *{qty}*. Is that right?',
  'need.opt_split_yes': 'Yes',
  'need.opt_split_no': 'No, that is the item name',
  'need.summary':
    'Please check this need:\n\n📝 {title}\n📦 Items:\n{items}\n💰 HPS: {hps}\n⚖️ Method: *{method}* (at least {min} quotes){direct}\n⏰ Quote deadline: {deadline}\n📍 Deliver to: {place}\n📅 Needed by: {neededBy}\n\nPublish it now?',
  'need.ask_route': 'For a direct purchase, how should the supplier be chosen?',
  'need.route_quotes': 'Ask the nearest suppliers for quotes',
  'need.route_direct': 'Pick one from the recommendations',
  'need.ask_direct_vendor': 'Recommended suppliers (nearest and with the best star ratings). Choose one:',
  'need.no_recommendations': 'No supplier for this category near your village yet.',
  'need.opt_publish': 'Yes, publish',
  'need.field_title': 'Title',
  'need.field_category': 'Category',
  'need.field_items': 'Items',
  'need.field_hps': 'HPS',
  'need.field_deadline': 'Quote deadline',
  'need.field_place': 'Delivery place',
  'need.field_needed_by': 'Date needed',
  'need.published':
    'Need *{number}* is published ✅ ({method}).\nWe are sending it to the nearest suppliers. Quoted prices stay sealed until {deadline}.',
  'need.quote_count': '📥 {count} quote(s) so far for *{number}*. Prices open after {deadline}.',
  'need.deadline_soon': '⏰ The quote deadline for *{number}* is {deadline}. {count} quotes so far.',

  'tender.alert':
    '📢 New need from {village} village\n*{number}* — {title}\n{items}\n⚖️ {method}\n⏰ Quote deadline: {deadline}\n\nWould you like to quote?',
  'tender.details':
    '*{number}* — {title}\n{village} village\n📦 Items:\n{items}\n⚖️ {method}\n⏰ Quote deadline: {deadline}\n📍 Deliver to: {place}\n📅 Needed by: {neededBy}',
  'tender.details_hint': 'Here are the full details.',
  'tender.your_quote': 'Your quote: {amount}, delivery in {days} days.',
  'tender.opt_quote': 'Send a quote',
  'tender.opt_details': 'See details',
  'tender.opt_decline': 'Not interested',
  'tender.opt_revise': 'Change my quote',
  'tender.opt_withdraw': 'Withdraw my quote',
  'tender.outcome_withdrawn': 'Quotes for *{number}* are closed. You had withdrawn your quote.',
  'tender.outcome_waiting':
    'Quotes for *{number}* are closed. Your quote ({amount}) is being assessed by the village — we will tell you the result here.',
  'tender.outcome_won': 'Your quote for *{number}* ({amount}) was chosen 🎉 The order is under *My orders*.',
  'tender.outcome_lost':
    'Your quote for *{number}* ({amount}) was not chosen this time. Thank you for quoting.',
  'tender.outcome_ended': 'The village did not go on with *{number}*. Thank you for quoting.',
  'tender.not_found': 'This need was not found or is not for you.',
  'tender.closed': 'Sorry, the quote deadline for this need has passed. Quotes can no longer be accepted.',
  'tender.ask_reconsider':
    'Earlier you said you were not interested in this need. Would you like to quote after all?',
  'tender.opt_reconsider': 'Yes, I will quote',
  'tender.opt_stay_declined': 'No',
  'tender.unit_total_check': '{price} per {unit} × {qty} {unit} = *{total}*. Is that your total?',
  'tender.unit_price_many_items':
    'That is a price per {unit}. This need has several items: type the total for all of them, or type *back* and choose *Price per item*.',
  'tender.declined': 'All right, you will not be reminded about this need.',
  'tender.ask_mode': 'How would you like to quote?',
  'tender.mode_items': 'A price per item',
  'tender.mode_total': 'One total price',
  'tender.ask_unit_price': 'Unit price for *{item}* ({qty} {unit})?',
  'tender.ask_total': 'What is your total price?\nExample: 14.5 juta',
  'tender.ask_delivery_days': 'How many days after the order can you deliver?',
  'tender.ask_note': 'Any note for the village? (brand, warranty, …)\nType *skip* if none.',
  'tender.quote_summary':
    'Your quote:\n💰 {total}\n🚚 Delivery in {days} days\n📝 {note}\n\nSend this quote?',
  'tender.opt_send': 'Yes, send',
  'tender.opt_redo': 'Start over',
  'tender.sent':
    'Your quote for *{number}* is sent ✅\nYour price stays sealed until {deadline}. You can still change or withdraw it before then.',
  'tender.revised': 'Your quote for *{number}* is updated ✅ This latest quote is the one that counts.',
  'tender.ask_withdraw': 'Withdraw your quote for this need?',
  'tender.withdrawn': 'Your quote has been withdrawn.',
  'tender.extended':
    '⏰ Quotes for *{number}* — {title} are now open until {deadline}. You can still send a quote.',
  'tender.extended_quoted':
    '⏰ Quotes for *{number}* — {title} are now open until {deadline}. Your quote still stands; you can change it until then.',
  'tender.reminder': '⏰ Reminder: *{number}* — {title}\nQuotes close {deadline}. You have not quoted yet.',

  'award.closed_enough':
    '🔓 Quotes for *{number}* ({title}) are closed. {count} quotes came in. Please choose a supplier.',
  'award.closed_too_few':
    '🔓 Quotes for *{number}* ({title}) are closed. Only {count} quotes (at least {min} needed).',
  'award.ask_choose': 'Quotes for *{number}*, cheapest first ({count} quotes). Choose a supplier:',
  'award.too_few':
    'Only {count} quote(s) came for *{number}*, and the rules ask for at least {min}. Choose one:',
  'award.line': '{n}. {vendor} — {total} — delivery {days} days — {ring}',
  'award.line_unranked': '• {vendor} — {total} — delivery {days} days — {ring}',
  'award.opt_extend': 'Extend the deadline',
  'award.opt_widen': 'Widen to more suppliers',
  'award.opt_unsuccessful': 'Declare unsuccessful',
  'award.ask_reason': 'This supplier is not the cheapest. Write the reason (required, for the record).',
  'award.reason_short': 'Please write a clear reason, at least 5 letters.',
  'award.ask_final_price':
    'Quoted price: {offered}. If you negotiated, write the final price. If the price did not change, type *skip*.',
  'award.final_price_hint': 'The final price must be an amount in rupiah, no more than {offered}.',
  'award.summary': 'Choose *{vendor}* for *{amount}*\n({words})\nReason: {reason}\n\nConfirm the winner?',
  'award.reason_lowest': 'lowest quote',
  'award.opt_confirm': 'Yes, confirm',
  'award.opt_choose_again': 'Choose again',
  'award.done':
    '✅ Order *{number}* sent to {vendor} ({amount}). We will tell you when the supplier accepts.',
  'award.not_ready': 'Nothing to choose yet for this need. Prices open after the quote deadline.',
  'award.ask_new_deadline': 'Until when is the new quote deadline?\nExample: *day after tomorrow 12:00*',
  'award.extended': 'Quote deadline extended to {deadline} ✅',
  'award.widened': 'We are also sending it to more suppliers. New quote deadline: {deadline} ✅',
  'award.unsuccessful_done':
    'This need is declared unsuccessful and recorded. You can post a new need at any time.',

  'ring.desa': 'from this village',
  'ring.kecamatan': 'from this district',
  'ring.kabupaten': 'from outside the district',

  'order.won':
    '🎉 Congratulations! Your quote for *{need}* — {title} was chosen.\nOrder *{number}*\n{items}\n💰 {amount}\n({words})',
  'order.lost': 'Result of *{need}* — {title}: {winner} was chosen for {amount}. Thank you for your quote 🙏',
  'order.ask_accept': 'Order *{number}* — {title}\n💰 {amount} ({words})\n\nAccept this order?',
  'order.ask_accept_short': 'Do you accept this order?',
  'order.opt_accept': 'I can do it',
  'order.opt_decline': 'Decline',
  'order.ask_decline_reason': 'Why do you decline the order? (so the village can choose the next supplier)',
  'order.accepted_vendor':
    'Order *{number}* accepted ✅ Please deliver on time. Report delivery in *My orders*.',
  'order.declined_vendor': 'Order declined. The village will choose another supplier.',
  'order.accepted_officer':
    '✅ {vendor} accepted order *{number}*.\n📞 For the delivery, call the supplier at {phone}.',
  'order.declined_officer':
    '⚠️ {vendor} declined order *{number}*: {reason}. Please choose the next supplier.',
  'order.ask_delivery_proof':
    'Send a *photo* as proof of delivery, or write a short note. Type *skip* if none.',
  'order.delivery_reported': 'Delivery reported ✅ The village will check and confirm receipt.',
  'order.delivered_officer': '🚚 {vendor} reports that order *{number}* has been delivered.',
  'order.delivery_note': '📝 The supplier’s note: {note}',
  'order.delivery_photo': '📷 The supplier also sent a photo as proof of delivery (kept with the order).',
  'order.received_vendor':
    '✅ The village received the goods of order *{number}*. Handover record (Berita Acara Serah Terima, BAST) number {bast}.',
  'order.problem_vendor': '⚠️ The village reported a problem with order *{number}*: {note}',
  'order.paid_vendor':
    '💸 Payment of order *{number}*, {amount}, was recorded by the village.\nRate this village:',
  'order.delivery_reminder': '⏰ Reminder: order *{number}* — {title} ({amount}) is needed tomorrow.',
  'order.not_available': 'This order can no longer be changed from here.',

  'receipt.ask': 'Has order *{number}* from {vendor} ({title}) been received?',
  'receipt.opt_ok': 'Received in good order',
  'receipt.opt_problem': 'There is a problem',
  'receipt.done': 'Receipt recorded ✅ Handover record (BAST) number {bast}.',
  'receipt.ask_problem': 'What is the problem? Write it briefly (short, damaged, late…).',
  'receipt.problem_recorded': 'The problem is recorded and passed on to the supplier and the regency admin.',

  'payment.ask_now': 'Record the payment of order *{number}* ({amount}) now?',
  'payment.opt_now': 'Yes, record it now',
  'payment.opt_later': 'Later',
  'payment.later': 'All right. Record it later in *Orders & receipts*.',
  'payment.ask_amount': 'How much was paid?',
  'payment.opt_full': 'The order amount ({amount})',
  'payment.ask_method': 'How was it paid?',
  'payment.transfer': 'Bank transfer',
  'payment.cash': 'Cash',
  'payment.recorded': 'Payment recorded ✅',

  'rate.ask': 'Rate {who} (1–5 stars):',
  'rate.the_village': 'this village',
  'rate.thanks': 'Thank you for your rating 🙏',

  'list.next_page': 'Next page ➡️',
  'list.nothing_to_do': 'Nothing to do for this right now.',
  'list.my_needs': 'Your village needs:',
  'list.my_needs_empty': 'No needs yet. Choose *Post a new need* in the menu.',
  'list.orders': 'Orders:',
  'list.orders_empty': 'No orders yet.',
  'list.open_tenders': 'Village needs you can quote on:',
  'list.open_tenders_empty': 'No village need for you to quote on yet. We will tell you when there is.',
  'list.my_quotes': 'Your quotes:',
  'list.my_quotes_empty': 'You have not sent any quotes yet.',

  'status.draft': 'draft',
  'status.published': 'taking quotes',
  'status.closed': 'waiting for a choice',
  'status.awarded': 'waiting for the supplier',
  'status.ordered': 'ordered',
  'status.delivered': 'delivered',
  'status.received': 'received',
  'status.paid': 'paid',
  'status.completed': 'completed',
  'status.cancelled': 'cancelled',
  'status.unsuccessful': 'unsuccessful',
  'status.awaiting_acceptance': 'waiting for acceptance',
  'status.accepted': 'taken on by the supplier',
  'status.declined': 'declined',
  'status.problem': 'problem reported',
  'status.quote_active': 'active',
  'status.quote_withdrawn': 'withdrawn',
  'status.quote_awarded': 'won',
  'status.quote_rejected': 'not chosen',
  'status.quote_superseded': 'replaced',

  'doc.title_direct': 'ORDER LETTER',
  'doc.title_agreement': 'AGREEMENT',
  'doc.number': 'Number',
  'doc.date': 'Date',
  'doc.buyer': 'Buyer (TPK)',
  'doc.desa': 'Village',
  'doc.kecamatan': 'District',
  'doc.kabupaten': 'Regency',
  'doc.name': 'Name',
  'doc.position': 'Position',
  'doc.vendor': 'Supplier',
  'doc.business_name': 'Business',
  'doc.owner': 'Owner',
  'doc.address': 'Address',
  'doc.phone': 'Phone',
  'doc.nib': 'NIB',
  'doc.need': 'Need',
  'doc.need_number': 'Need number',
  'doc.need_title': 'Description',
  'doc.method': 'Method',
  'doc.item_no': 'No',
  'doc.item_name': 'Item',
  'doc.quantity': 'Qty',
  'doc.unit': 'Unit',
  'doc.unit_price': 'Unit price',
  'doc.line_total': 'Amount',
  'doc.total': 'Total',
  'doc.total_in_words': 'In words',
  'doc.delivery': 'Delivery',
  'doc.delivery_place': 'Place',
  'doc.delivery_date': 'At the latest',
  'doc.notes': 'Notes',
  'doc.award_reason': 'Reason for the choice',
  'doc.negotiation': 'Negotiation',
  'doc.negotiated': 'Quoted {offered}, agreed {agreed}',
  'doc.buyer_signature': 'Buyer',
  'doc.vendor_signature': 'Supplier',
  'doc.page': 'Page',
  'order.document_caption': 'Order document {number} (PDF)',
  'conversation.restarted':
    'Sorry, the previous conversation cannot be continued because the app was just updated. Let us start again from the menu — anything already sent is kept.',
  'error.generic':
    'Sorry, something went wrong on our side. Please send it again in a moment, or type *menu*.',
  'rate.slow_down':
    'Slow down a little 🙏 Your messages came too fast, so some were not read. Wait a moment, then send again what matters.',
  'hint.money_too_large': 'That amount is too large (at most {max}). Check the zeros, then type it again.',
  'admin.officer_verified':
    'Good news! Your village officer account has been *verified* by the regency admin ✅ Type *menu* to start.',
  'admin.officer_rejected':
    'Sorry, your village officer registration was *rejected* by the regency admin.\nReason: {reason}',
  'admin.vendor_verified':
    'Good news! *{business}* has been *verified* by the regency admin ✅ You will receive village needs.',
  'admin.vendor_rejected':
    'Sorry, the registration of *{business}* was *rejected* by the regency admin.\nReason: {reason}',
  'admin.broadcast': '📢 Message from the regency admin:\n{text}',
  'hint.quote_too_low':
    '{amount} for everything? A zero may be missing. Type the full price, e.g. *14.5 million*',
  'profile.link_account': 'Link WhatsApp / Telegram',
  'link.code':
    'To use this account from your other WhatsApp or Telegram too, send this message from there:\n\n*hubungkan {code}*\n\nThe code works for {minutes} minutes, once. Never give it to anyone.',
  'link.done': 'Your account is now linked ✅ From now on you can use PesanDesa from this {channel} too.',
  'link.notice_other':
    'ℹ️ Your PesanDesa account was just linked with a {channel} account. If that was not you, contact the regency admin.',
  'link.unknown':
    'That code is unknown or has expired. Ask for a new one under *My profile* in your registered account.',
  'link.same_account': 'This chat is already linked to that account.',
  'link.already_registered':
    'This chat is registered as an account of its own, so a code cannot link it. Ask the regency admin to merge the accounts.',
  'link.too_many': 'Too many wrong codes from this chat. Please ask the regency admin for help.',
  'channel.whatsapp': 'WhatsApp',
  'channel.telegram': 'Telegram',
  'channel.web': 'web chat',
  'task.complaint': 'this complaint',
  'complaint.ask_about': 'What is this complaint about?',
  'complaint.general': 'Something else / general',
  'complaint.ask_text':
    'Tell us what went wrong in your own words: what happened, when, and who was involved. The regency admin will read it.',
  'hint.complaint_short': 'Please tell a little more (at least 10 letters), so the admin can follow it up.',
  'complaint.summary': 'Your complaint:\n📌 {about}\n📝 {text}\n\nSend it to the regency admin?',
  'complaint.send': 'Yes, send',
  'complaint.rewrite': 'Write again',
  'complaint.filed':
    'We received complaint *{number}* ✅ The regency admin will follow it up and reply in this chat. Thank you for reporting.',
  'complaint.not_registered': 'Complaints can be sent through the chat once you are registered.',
  'admin.complaint_update': 'The regency admin answered complaint *{number}* ({status}):\n{text}',
  'admin.complaint_in_review': 'being looked into',
  'admin.complaint_resolved': 'resolved',
  'admin.complaint_dismissed': 'not taken further',
};
